// Quiet, deterministic defaults for lib code under test; tests override what they exercise.
process.env.LOG_LEVEL ??= "silent";
process.env.OCCUPOP_API_TOKEN ??= "unit-test-token-0123456789";
process.env.SITE_URL ??= "http://localhost:3000";
