// Resumable resume uploads (tus): the application form uploads the chosen file here while the
// rest is filled in (lib/uploads). Nothing is ever served back: there is no GET.
import { handleUpload } from "@/lib/uploads/server";

export const dynamic = "force-dynamic";

export { handleUpload as HEAD, handleUpload as POST, handleUpload as PATCH, handleUpload as DELETE, handleUpload as OPTIONS };
