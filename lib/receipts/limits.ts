// How often one client may open status pages or act on them. A status link's token is 256
// random bits, so guessing is hopeless anyway; the limit keeps a crawler or a script from
// turning the page into load.
export const STATUS_VIEWS_PER_MINUTE = 30;
export const STATUS_ACTIONS_PER_MINUTE = 10;
