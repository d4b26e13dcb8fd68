// Sizes the CAR-T Hub frame to its content, so the page scrolls as one (no scrollbar inside
// the frame). The hub sends {type: "cart-hub:height", height, path} on load, on each page
// change and when its height changes, and only to origins listed in its config.json.
const frame = document.getElementById('cart-hub');
const hubOrigin = new URL(frame.src).origin;
let lastPath = null;

addEventListener('message', (event) => {
  // Only the hub's own frame, from the hub's origin: ignore every other message.
  if (event.origin !== hubOrigin || event.source !== frame.contentWindow) return;
  const { type, height, path } = event.data || {};
  if (type !== 'cart-hub:height' || !Number.isFinite(height) || height <= 0) return;
  frame.style.height = `${Math.min(Math.ceil(height), 100000)}px`;
  // A new page inside the frame starts at its top, as a page load would.
  if (lastPath !== null && path !== lastPath && frame.getBoundingClientRect().top < 0) frame.scrollIntoView();
  lastPath = path;
});
