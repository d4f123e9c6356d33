import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import type { QuestionDefinition } from "@/lib/applications/schema";
import { describedBy, errorId, Field, FieldError, fieldId, inputClass } from "./fields";

/** More options than this read better as a select than as a column of radio buttons. */
const MAX_RADIOS = 6;

type Props = {
  name: string;
  question: QuestionDefinition;
  defaultValue: string;
  error: string | undefined;
  registration: UseFormRegisterReturn;
};

export function QuestionField({ name, question, defaultValue, error, registration }: Props) {
  const t = useTranslations("apply");
  if (question.kind === "text") {
    return (
      <Field name={name} label={question.text} required error={error}>
        <textarea
          id={fieldId(name)}
          rows={3}
          required
          maxLength={2000}
          className={inputClass}
          defaultValue={defaultValue}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy(name, false, error)}
          {...registration}
        />
      </Field>
    );
  }
  if (question.options.length > MAX_RADIOS) {
    return (
      <Field name={name} label={question.text} required error={error}>
        <select
          id={fieldId(name)}
          required
          className={inputClass}
          defaultValue={defaultValue}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy(name, false, error)}
          {...registration}
        >
          <option value="">{t("chooseAnswer")}</option>
          {question.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </Field>
    );
  }
  return (
    <fieldset aria-describedby={error ? errorId(name) : undefined}>
      <legend className="font-medium text-slate-900">
        {question.text} <span className="text-slate-700">{t("required")}</span>
      </legend>
      {/* The first radio carries the field id, so the error summary can link to the group. */}
      <div className="mt-2 flex flex-wrap gap-3">
        {question.options.map((option, i) => (
          <label
            key={option}
            className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-400 px-4 has-[:checked]:border-brand has-[:checked]:bg-slate-50"
          >
            <input
              id={i === 0 ? fieldId(name) : undefined}
              type="radio"
              value={option}
              required
              className="h-5 w-5 accent-[var(--brand-primary)]"
              defaultChecked={defaultValue === option}
              {...registration}
            />
            {option}
          </label>
        ))}
      </div>
      <FieldError name={name} error={error} />
    </fieldset>
  );
}
