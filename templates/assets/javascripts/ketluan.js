/* ketluan reading tools: text size (remembered across pages), print, and links to a heading
   or footnote of a document written before its ids were namespaced. The tools' buttons are
   made here: pages carry only their empty bar (templates/partials/kl-reading-tools.html). */
(function () {
  "use strict";
  var STEPS = [0.9, 1, 1.15, 1.3, 1.5];
  var KEY = "ketluan.fontStep";
  var root = document.documentElement;

  function stored() {
    try {
      var value = parseInt(window.localStorage.getItem(KEY), 10);
      return isNaN(value) ? 1 : Math.min(Math.max(value, 0), STEPS.length - 1);
    } catch (error) {
      return 1; /* storage blocked: default size */
    }
  }

  function apply(step) {
    root.style.setProperty("--kl-font-scale", String(STEPS[step]));
    root.setAttribute("data-kl-font-step", String(step));
    try {
      window.localStorage.setItem(KEY, String(step));
    } catch (error) {
      /* storage blocked: the size still applies to this page */
    }
  }

  apply(stored());

  /* Every id of a document body starts with a prefix (data-kl-ids, sanitize.py), so that no
     body element can take the place of the theme's own. A link written without it (shared
     before, or from another document: #ket-luan) is sent on to #vb-ket-luan. */
  function followOldAnchor() {
    var body = document.querySelector(".kl-document__body[data-kl-ids]");
    var hash = window.location.hash.slice(1);
    var id, prefix, target;
    if (!body || !hash) return;
    try {
      id = decodeURIComponent(hash);
    } catch (error) {
      return; /* not a fragment an id can have */
    }
    prefix = body.getAttribute("data-kl-ids");
    target = document.getElementById(prefix + id);
    if (document.getElementById(id) || !target || !body.contains(target)) return;
    window.location.replace("#" + prefix + hash);
  }

  window.addEventListener("hashchange", followOldAnchor);

  /* The reading tools' buttons: [data attribute, its value, what is shown, label]. */
  var TOOLS = [
    ["data-kl-font", "-1", "A\u2212", "Giảm cỡ chữ"],
    ["data-kl-font", "0", "A", "Cỡ chữ mặc định"],
    ["data-kl-font", "1", "A+", "Tăng cỡ chữ"],
    ["data-kl-print", "", "In", "In văn bản"]
  ];

  function span(text, attribute, value) {
    var element = document.createElement("span");
    element.setAttribute(attribute, value);
    element.textContent = text;
    return element;
  }

  function fill(bar) {
    TOOLS.forEach(function (tool) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "kl-tools__button";
      button.title = tool[3];
      button.setAttribute(tool[0], tool[1]);
      button.append(span(tool[2], "aria-hidden", "true"), span(tool[3], "class", "kl-sr"));
      bar.append(button);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    followOldAnchor();
    var tools = document.querySelectorAll(".kl-tools");
    Array.prototype.forEach.call(tools, function (bar) {
      fill(bar);
      bar.hidden = false;
      bar.addEventListener("click", function (event) {
        var button = event.target.closest("button");
        if (!button) return;
        if (button.hasAttribute("data-kl-print")) {
          window.print();
          return;
        }
        var delta = parseInt(button.getAttribute("data-kl-font"), 10);
        var step = delta === 0 ? 1 : Math.min(Math.max(stored() + delta, 0), STEPS.length - 1);
        apply(step);
      });
    });
  });
})();
