// A form problem as a sentence beside its field (core/util/fieldErrors makes the sentences).
export function FieldError({ text, testId }: { text: string | undefined; testId?: string }) {
  if (!text) return null;
  return (
    <span className="field-error" role="alert" data-testid={testId ?? 'field-error'}>
      {text}
    </span>
  );
}
