/* Page behaviour that used to sit in inline handlers: the Content-Security-Policy (script-src 'self')
   runs no inline script, so pages mark elements with data- attributes and this file listens. */
"use strict";

document.addEventListener("change", function (event) {
  // <select data-autosubmit>: choosing a value submits the filter form (oversight inbox and queue)
  var target = event.target;
  if (target.matches && target.matches("select[data-autosubmit]") && target.form) {
    target.form.submit();
  }
});

document.addEventListener("click", function (event) {
  // <button data-print>: print the document shown on screen (plea notice)
  var target = event.target.closest ? event.target.closest("[data-print]") : null;
  if (target) {
    event.preventDefault();
    window.print();
  }
});
