"use client";

// The last resort, when even the root layout fails (say, the database is unreachable).
// It replaces the whole document, so it brings its own <html> and plain styles.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: "36rem", margin: "4rem auto", padding: "0 1rem", color: "#0f172a" }}>
        <main>
          <h1>Something went wrong on our side</h1>
          <p>The careers site could not load just now. We have logged the problem. Please try again in a minute.</p>
          <button type="button" onClick={reset} style={{ minHeight: "44px", padding: "0 1.25rem", fontWeight: 600 }}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
