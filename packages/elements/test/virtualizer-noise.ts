/**
 * Imported by the tests of elements that render through `@lit-labs/virtualizer`:
 * it measures its rows with a ResizeObserver, and Chromium reports a benign
 * « ResizeObserver loop completed with undelivered notifications » when rows laid
 * out in one frame are measured in the next (w3c/csswg-drafts#5488). It is no
 * exception of ours, yet Mocha would count it as a failure: only that message is
 * kept from it; any other error still fails the test.
 */
window.addEventListener(
  'error',
  (event) => {
    if (event.message?.startsWith('ResizeObserver loop')) event.stopImmediatePropagation();
  },
  true,
);
