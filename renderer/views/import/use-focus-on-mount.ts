import { useEffect, useRef } from 'react';

/** Focuses the element when it appears (the first button of a question, the field of a rename). */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}
