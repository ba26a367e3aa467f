// Keyboard shortcuts for the review workspace: j/k move between statements,
// a accepts, r rejects, e opens the correction form, 1-3 link to a suggested claim.
(function () {
  "use strict";
  function cards() { return Array.from(document.querySelectorAll(".mention-card")); }
  function current() {
    const active = document.activeElement;
    return active && active.closest ? active.closest(".mention-card") : null;
  }
  function move(step) {
    const list = cards();
    if (!list.length) return;
    const index = list.indexOf(current());
    const next = list[Math.max(0, Math.min(list.length - 1, index + step))] || list[0];
    next.focus();
    next.scrollIntoView({ block: "nearest" });
  }
  function press(card, selector) {
    const target = card && card.querySelector(selector);
    if (target) target.click();
  }
  document.addEventListener("keydown", function (event) {
    const tag = (event.target.tagName || "").toLowerCase();
    if (["input", "textarea", "select"].includes(tag) || event.ctrlKey || event.metaKey || event.altKey) return;
    const card = current();
    switch (event.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "a": press(card, "[data-action=accept]"); break;
      case "r": press(card, "[data-action=reject]"); break;
      case "e": press(card, "[data-action=correct]"); break;
      case "1": case "2": case "3": press(card, "[data-key='" + event.key + "']"); break;
      default: return;
    }
    event.preventDefault();
  });
  // After htmx swaps a card, keep the keyboard focus on the new version of it.
  let lastCard = null;
  document.addEventListener("htmx:beforeRequest", function (event) {
    const card = event.detail.elt.closest && event.detail.elt.closest(".mention-card");
    lastCard = card ? card.dataset.mention : null;
  });
  document.addEventListener("htmx:afterSettle", function () {
    const card = lastCard && document.querySelector("[data-mention='" + lastCard + "']");
    if (card) card.focus();
  });
})();
// Review page on a phone: the article text starts folded above the cards (desktop keeps it
// open beside them, sticky).
(function () {
  "use strict";
  const fold = document.querySelector(".article-fold");
  if (fold && window.matchMedia && !window.matchMedia("(min-width: 1000px)").matches) {
    fold.open = false;
  }
})();
