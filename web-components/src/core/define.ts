/**
 * @module core/define
 * Registers a custom element only if the tag is free. An LMS page may load the bundle twice
 * (two lessons on one page, a cached and a fresh URL); the second registration must be a no-op,
 * not the DOMException `customElements.define` would throw.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
