/* The defendant's handwritten signature on a tablet: a <canvas data-signature-pad="ID"> draws with the pointer
   (finger, pen or mouse) and writes the drawing as a PNG data URL into the hidden input #ID; the server checks
   its first bytes, stores it and keeps its SHA-256. A button [data-signature-clear="ID"] starts again.
   Self-contained, no library, loaded from the site itself (the CSP allows scripts only from 'self'). */
(function () {
  "use strict";

  function setUp(canvas) {
    var target = document.getElementById(canvas.getAttribute("data-signature-pad"));
    if (!target) { return; }
    var ctx = canvas.getContext("2d");
    var drawing = false;
    var drawn = false;
    var last = null;

    function blank() {
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.strokeStyle = "#111111";
      ctx.lineWidth = 2.5;
      ctx.lineCap = "round";
      ctx.lineJoin = "round";
      drawn = false;
      target.value = "";
      canvas.classList.remove("signed");
    }

    function point(event) {
      var box = canvas.getBoundingClientRect();
      return {
        x: (event.clientX - box.left) * (canvas.width / box.width),
        y: (event.clientY - box.top) * (canvas.height / box.height)
      };
    }

    function save() {
      if (drawn) {
        target.value = canvas.toDataURL("image/png");
        canvas.classList.add("signed");
      }
    }

    canvas.addEventListener("pointerdown", function (event) {
      event.preventDefault();
      drawing = true;
      last = point(event);
      if (canvas.setPointerCapture) { canvas.setPointerCapture(event.pointerId); }
      ctx.beginPath();
      ctx.arc(last.x, last.y, ctx.lineWidth / 2, 0, Math.PI * 2);
      ctx.fillStyle = "#111111";
      ctx.fill();
      drawn = true;
    });
    canvas.addEventListener("pointermove", function (event) {
      if (!drawing) { return; }
      event.preventDefault();
      var p = point(event);
      ctx.beginPath();
      ctx.moveTo(last.x, last.y);
      ctx.lineTo(p.x, p.y);
      ctx.stroke();
      last = p;
    });
    function stop() {
      if (!drawing) { return; }
      drawing = false;
      save();
    }
    canvas.addEventListener("pointerup", stop);
    canvas.addEventListener("pointercancel", stop);
    canvas.addEventListener("pointerleave", stop);

    var clear = document.querySelector('[data-signature-clear="' + target.id + '"]');
    if (clear) {
      clear.addEventListener("click", function (event) {
        event.preventDefault();
        blank();
      });
    }
    blank();
  }

  function init() {
    var pads = document.querySelectorAll("canvas[data-signature-pad]");
    for (var i = 0; i < pads.length; i++) { setUp(pads[i]); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
