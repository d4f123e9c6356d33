"use client";

import { useEffect } from "react";

/** With JavaScript, a changed filter applies at once; the Search button still works without it. */
export function FilterAutoSubmit({ formId }: { formId: string }) {
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    const onChange = (event: Event) => {
      if (!(event.target instanceof HTMLSelectElement)) return;
      // A new country makes the chosen city meaningless.
      if (event.target.name === "country") {
        const city = form.elements.namedItem("city");
        if (city instanceof HTMLSelectElement) city.value = "";
      }
      form.requestSubmit();
    };
    form.addEventListener("change", onChange);
    return () => form.removeEventListener("change", onChange);
  }, [formId]);
  return null;
}
