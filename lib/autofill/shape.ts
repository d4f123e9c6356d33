// What the autofill gives the form (./fields.ts reads it from a CV on the server): kept apart,
// with nothing imported, so the form's script carries these few names and not the readers.
export const CV_FIELDS = ["firstName", "lastName", "email", "phone", "linkedin", "city", "country"] as const;
export type CvField = (typeof CV_FIELDS)[number];
export type CvFields = Partial<Record<CvField, string>>;
