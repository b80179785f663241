import { useErrorStore } from '../stores/errors';

/** Errors from the core in plain words; each stays until dismissed. */
export function ErrorSurface() {
  const errors = useErrorStore((state) => state.errors);
  const dismiss = useErrorStore((state) => state.dismiss);
  if (errors.length === 0) return null;
  return (
    <div className="error-surface" role="alert">
      {errors.map((error) => (
        <p key={error.id} className="error-message">
          <span>{error.message}</span>
          <button type="button" className="button-quiet" onClick={() => dismiss(error.id)}>
            Dismiss
          </button>
        </p>
      ))}
    </div>
  );
}
