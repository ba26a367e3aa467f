// Choose a statement's span by selecting its words in the article text (review page).
//
// The text is rendered as <span class="seg" data-start="N"> pieces, N being where the piece
// begins in the WHOLE article (a long article shows one window of it), so a selection maps
// back to absolute offsets. Offsets are counted in code points, as Python indexes the text
// (JavaScript strings count UTF-16 units: an emoji would otherwise shift every offset).
// The selection is snapped to whole words, then fills the hidden start/end inputs and the
// "exact words" box of the form that receives selections: the correction form last opened
// or focused, else the "Add a statement" form. Typing in the words box instead clears the
// offsets: the server then looks the typed words up (the no-JavaScript path).
(function () {
  "use strict";
  const WORD = /[\p{L}\p{N}\p{M}_'’\-]/u;
  const SPACE = /\s/u;
  let target = null;

  function root() { return document.querySelector(".article-text"); }
  function segments() {
    const text = root();
    return text ? Array.from(text.querySelectorAll(".seg[data-start]")) : [];
  }
  function length(text) { return Array.from(text).length; }

  function forms() { return Array.from(document.querySelectorAll("form[data-selection-target]")); }
  function receiver() {
    if (target && document.contains(target)) return target;
    const list = forms();
    return list.find(function (form) { return form.closest(".mention-card"); }) || list[0] || null;
  }

  // The absolute offset of a boundary point of the selection.
  function absolute(container, offset, segs) {
    const element = container.nodeType === Node.TEXT_NODE ? container.parentElement : container;
    const seg = element && element.closest ? element.closest(".seg[data-start]") : null;
    if (seg && container.nodeType === Node.TEXT_NODE) {
      return Number(seg.dataset.start) + length(container.data.slice(0, offset));
    }
    // Between elements or inside a mention number: the first piece of text after the point.
    const point = document.createRange();
    point.setStart(container, offset);
    for (const piece of segs) {
      if (piece.firstChild && point.comparePoint(piece.firstChild, 0) >= 0) {
        return Number(piece.dataset.start);
      }
    }
    const last = segs[segs.length - 1];
    return Number(last.dataset.start) + length(last.textContent);
  }

  // Whole words: no leading or trailing spaces, a word cut in the middle taken whole.
  function snap(chars, i, j) {
    while (i < j && SPACE.test(chars[i])) i++;
    while (j > i && SPACE.test(chars[j - 1])) j--;
    while (i > 0 && i < j && WORD.test(chars[i - 1]) && WORD.test(chars[i])) i--;
    while (j < chars.length && j > i && WORD.test(chars[j]) && WORD.test(chars[j - 1])) j++;
    return [i, j];
  }

  function fill(form, start, end, words) {
    form.querySelector("[data-select-start]").value = start;
    form.querySelector("[data-select-end]").value = end;
    form.querySelector("[data-select-words]").value = words;
    const status = form.querySelector("[data-select-status]");
    if (status) {
      status.textContent = (status.dataset.template || "")
        .replace("{start}", start).replace("{end}", end);
    }
  }

  function selected() {
    const selection = window.getSelection();
    const text = root();
    if (!text || !selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    if (!text.contains(range.commonAncestorContainer)) return;
    const form = receiver();
    const segs = segments();
    if (!form || !segs.length) return;
    const base = Number(segs[0].dataset.start);
    const chars = Array.from(segs.map(function (s) { return s.textContent; }).join(""));
    const a = absolute(range.startContainer, range.startOffset, segs) - base;
    const b = absolute(range.endContainer, range.endOffset, segs) - base;
    const [i, j] = snap(chars, Math.max(0, a), Math.min(chars.length, b));
    if (j <= i) return;
    fill(form, base + i, base + j, chars.slice(i, j).join(""));
  }

  let pending = null;
  document.addEventListener("selectionchange", function () {
    // A drag changes the selection at every step: act once it rests.
    clearTimeout(pending);
    pending = setTimeout(selected, 120);
  });
  document.addEventListener("focusin", function (event) {
    const form = event.target.closest && event.target.closest("form[data-selection-target]");
    if (form) target = form;
  });
  // A correction form just opened (htmx swapped it in) receives the next selection.
  document.addEventListener("htmx:load", function (event) {
    const elt = event.detail.elt;
    if (elt && elt.matches && elt.matches(".mention-card")) {
      const form = elt.querySelector("form[data-selection-target]");
      if (form) target = form;
    }
  });
  // Typed words are looked up by the server: offsets from an earlier selection no longer hold.
  document.addEventListener("input", function (event) {
    if (!event.target.matches || !event.target.matches("[data-select-words]")) return;
    const form = event.target.form;
    form.querySelector("[data-select-start]").value = "";
    form.querySelector("[data-select-end]").value = "";
    const status = form.querySelector("[data-select-status]");
    if (status) status.textContent = "";
  });
})();
