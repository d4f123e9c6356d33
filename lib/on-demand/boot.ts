// public/boot.js, bundled from this file by scripts/build-boot.mjs: the one script a cached
// public page runs as it loads (lib/on-demand/defer.mjs adds it; a page's script policy allows
// this origin's files). What it does is in ./page.ts.
import { bootPage } from "./page";

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", bootPage, { once: true });
else bootPage();
