/* vnrukg evidence: the hover card and the evidence panel shared by the charts and timeline
   pages. Every text from the data goes into the page with textContent, never as HTML.
   An evidence record: {title: [en, vi], kind: [en, vi], facts: [[label_en, label_vi, text_en,
   text_vi]], flags: [[title_en, title_vi, note]], cites: [[quote, translation, source,
   source_id, via]]}. */
(function () {
  "use strict";
  var WORDS = {
    en: {
      close: "Close", quote: "the source's words", translation: "translation (curators')",
      noTranslation: "no English translation yet", evidence: "Evidence", citing: "citing",
      disagreement: "Disagreement", clickMore: "Click for the quote and its source."
    },
    vi: {
      close: "Đóng", quote: "nguyên văn của nguồn", translation: "bản dịch (của người biên tập)",
      noTranslation: "chưa có bản dịch tiếng Anh", evidence: "Dẫn chứng", citing: "trích dẫn",
      disagreement: "Bất nhất", clickMore: "Bấm để xem trích dẫn và nguồn."
    }
  };

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }
  function pick(pair, lang) { return lang === "vi" ? (pair[1] || pair[0]) : (pair[0] || pair[1]); }

  function citations(cites, lang, parent) {
    var w = WORDS[lang];
    cites.forEach(function (c) {
      var box = el("div", null, "cite");
      box.appendChild(el("div", w.quote, "cite-label"));
      var quote = el("blockquote", c[0], "quote");
      quote.lang = "vi";
      box.appendChild(quote);
      if (c[1]) {
        box.appendChild(el("div", w.translation, "cite-label"));
        var translation = el("p", c[1], "translation");
        translation.lang = "en";
        box.appendChild(translation);
      } else {
        box.appendChild(el("div", w.translation + ": " + w.noTranslation, "cite-label missing"));
      }
      var source = "— " + c[2] + (c[3] ? " (" + c[3] + ")" : "");
      if (c[4]) { source += "; " + w.citing + " " + c[4]; }
      box.appendChild(el("cite", source));
      parent.appendChild(box);
    });
  }

  function panel(box, ev, lang, onClose) {
    var w = WORDS[lang];
    box.textContent = "";
    var close = el("button", "×", "close");
    close.type = "button";
    close.title = w.close;
    close.setAttribute("aria-label", w.close);
    close.addEventListener("click", onClose);
    box.appendChild(close);
    box.appendChild(el("h2", pick(ev.title, lang)));
    if (ev.kind) { box.appendChild(el("p", pick(ev.kind, lang), "muted")); }
    if (ev.facts.length) {
      var list = el("dl");
      ev.facts.forEach(function (f) {
        list.appendChild(el("dt", lang === "vi" ? f[1] : f[0]));
        list.appendChild(el("dd", lang === "vi" ? f[3] : f[2]));
      });
      box.appendChild(list);
    }
    ev.flags.forEach(function (f) {
      var flag = el("div", null, "flag");
      flag.appendChild(el("strong", w.disagreement + ": " + pick(f, lang)));
      if (f[2]) { flag.appendChild(el("p", f[2])); }
      box.appendChild(flag);
    });
    if (ev.cites.length) {
      box.appendChild(el("h3", w.evidence + " (" + ev.cites.length + ")"));
      citations(ev.cites, lang, box);
    }
    box.hidden = false;
  }

  function card(box, lines, x, y) {
    box.textContent = "";
    lines.forEach(function (line, i) {
      box.appendChild(el(i === 0 ? "strong" : "div", line[0], line[1] || null));
    });
    box.hidden = false;
    var width = box.offsetWidth, height = box.offsetHeight;
    var left = x + 14 + width > window.innerWidth - 8 ? x - 14 - width : x + 14;
    var top = y + 14 + height > window.innerHeight - 8 ? y - 14 - height : y + 14;
    box.style.left = Math.max(4, left) + "px";
    box.style.top = Math.max(4, top) + "px";
  }

  window.vnrukgEvidence = { el: el, pick: pick, panel: panel, card: card, words: WORDS };
})();
