// Checks the chosen files before a long upload: the server refuses the same, but only after receiving it.
// The limits come from the script tag's data attributes (no inline script: the pages' CSP forbids it).
(function () {
  var limits = document.currentScript.dataset;
  var maxFiles = Number(limits.maxFiles);
  var maxMb = Number(limits.maxMb);
  var maxBytes = maxMb * 1024 * 1024;
  document.querySelectorAll("form[data-upload]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      var input = form.querySelector("input[type=file]"), box = form.querySelector(".client-error");
      var files = input ? Array.prototype.slice.call(input.files) : [];
      var problem = files.length > maxFiles ? "每次最多上传" + maxFiles + "个文件。"
          : files.some(function (f) { return f.size > maxBytes; }) ? "每个文件不能超过" + maxMb + "MB。" : "";
      if (problem) {
        event.preventDefault();
        box.textContent = problem;
        box.hidden = false;
      }
    });
  });
})();
