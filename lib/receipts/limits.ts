// How often one client may open status pages (its forms' limit is lib/http/private-form.ts). A status link's token is 256
// random bits, so guessing is hopeless anyway; the limit keeps a crawler or a script from
// turning the page into load.
export const STATUS_VIEWS_PER_MINUTE = 30;
