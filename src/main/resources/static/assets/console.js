// Console behaviour that would otherwise need inline scripts (the pages forbid them by policy).
(function () {
  "use strict";
  // <form data-confirm="..."> asks before an action that cannot be undone from the page.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
  // <select data-submit> submits its form when changed (filters).
  document.addEventListener("change", function (event) {
    if (event.target.hasAttribute("data-submit")) {
      event.target.form.submit();
    }
  });
})();
