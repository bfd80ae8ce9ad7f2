/* Page behaviour that used to sit in inline handlers: the Content-Security-Policy (script-src 'self')
   runs no inline script, so pages mark elements with data- attributes and this file listens. */
"use strict";

function focusElement(element) {
  // focus an element that is not focusable by itself (a heading, a summary) and bring it into view
  if (!element.hasAttribute("tabindex") && element.tabIndex < 0) {
    element.setAttribute("tabindex", "-1");
  }
  element.focus({ preventScroll: true });
  element.scrollIntoView({ block: "start" });
}

function focusErrorSummary(root) {
  // after a failed submit: the summary of the errors (templates/_error_summary.html) takes the focus
  var summary = root.querySelector("[data-error-summary]");
  if (summary) {
    focusElement(summary);
  }
  return summary;
}

function tableName(table) {
  // what a scroll box around a table is called: its caption, else the heading before it
  if (table.caption && table.caption.textContent.trim()) {
    return table.caption.textContent.trim();
  }
  for (var node = table; node && node !== document.body; node = node.parentElement) {
    for (var before = node.previousElementSibling; before; before = before.previousElementSibling) {
      if (/^H[1-6]$/.test(before.tagName)) {
        return before.textContent.trim();
      }
    }
  }
  return "";
}

function fitScrollBoxes() {
  // a box that scrolls takes the focus, so that the keyboard can scroll it; one that does not is no Tab stop
  // and is named (a region landmark); one that does not is neither a Tab stop nor a landmark
  document.querySelectorAll(".table-scroll").forEach(function (box) {
    if (box.scrollWidth > box.clientWidth + 1) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", box.getAttribute("data-name") || (document.documentElement.lang === "en" ? "Table" : "表格"));
    } else {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  });
}

function wrapTables(root) {
  // every table scrolls inside its own box on a narrow screen instead of widening the page (leniency.css)
  root.querySelectorAll("table").forEach(function (table) {
    if (table.parentElement.classList.contains("table-scroll")) {
      return;
    }
    var box = document.createElement("div");
    box.className = "table-scroll";
    box.setAttribute("data-name", tableName(table));
    table.parentNode.insertBefore(box, table);
    box.appendChild(table);
  });
  fitScrollBoxes();
}

document.addEventListener("DOMContentLoaded", function () {
  wrapTables(document);
  focusErrorSummary(document);
});

document.addEventListener("htmx:load", function (event) {
  wrapTables(event.target.parentElement || document);
});

window.addEventListener("resize", fitScrollBoxes);

document.addEventListener("htmx:beforeSwap", function (event) {
  // a form refused with 400 (the page again with its errors, the input kept) is shown like any answer: htmx
  // would otherwise drop it, and the calculator would say nothing at all
  if (event.detail.xhr.status === 400) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});

document.addEventListener("htmx:afterSwap", function (event) {
  // a swapped region marked data-focus-result (the calculator's #result): its errors, or else its first heading,
  // take the focus, so that on a phone the answer below the form is scrolled to and read out
  var target = event.detail.target;
  if (!target || !target.matches || !target.matches("[data-focus-result]")) {
    return;
  }
  if (!focusErrorSummary(target)) {
    var heading = target.querySelector("h2, h3");
    if (heading) {
      focusElement(heading);
    }
  }
});

document.addEventListener("click", function (event) {
  var link = event.target.closest ? event.target.closest("[data-error-summary] a[href^='#']") : null;
  if (link) {
    // a link of the error summary: focus its field (a fragment link alone only scrolls)
    var field = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
    if (field) {
      event.preventDefault();
      field.focus();
    }
    return;
  }
  // <button data-print>: print the document shown on screen (plea notice)
  var target = event.target.closest ? event.target.closest("[data-print]") : null;
  if (target) {
    event.preventDefault();
    window.print();
  }
});
