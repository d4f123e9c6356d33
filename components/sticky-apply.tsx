"use client";

import { useEffect, useState } from "react";

/**
 * On a phone, once the page's own Apply button has scrolled away: a small bar at the bottom of
 * the screen that leads to the form, hidden again while the form is in view. Without JavaScript
 * it stays hidden, and the page's Apply button (a plain link to #apply) is the way in.
 */
export function StickyApply({ label, buttonId, formId }: { label: string; buttonId: string; formId: string }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const button = document.getElementById(buttonId);
    const form = document.getElementById(formId);
    if (!button || !form) return;
    let buttonPassed = false;
    let formInView = false;
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (entry.target === button) buttonPassed = !entry.isIntersecting && entry.boundingClientRect.top < 0;
        else formInView = entry.isIntersecting;
      }
      setShown(buttonPassed && !formInView);
    });
    observer.observe(button);
    observer.observe(form);
    return () => observer.disconnect();
  }, [buttonId, formId]);
  return (
    <div
      id="sticky-apply"
      hidden={!shown}
      data-testid="sticky-apply"
      className="fixed inset-x-0 bottom-0 z-20 border-t border-slate-200 bg-white/95 px-4 py-2 shadow-[0_-2px_8px_rgba(15,23,42,0.08)] sm:hidden"
    >
      <a href={`#${formId}`} className="flex min-h-11 w-full items-center justify-center rounded-md bg-brand font-semibold text-brand-contrast">
        {label}
      </a>
    </div>
  );
}
