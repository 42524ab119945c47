// Progressive enhancement: show the exclusion or interview questions only for the status that
// needs them. Without script every question shows and the server ignores the ones that do not apply.
document.documentElement.classList.add('js');
document.addEventListener('DOMContentLoaded', function () {
  var blocks = document.querySelectorAll('[data-shown-for-status]');
  if (!blocks.length) { return; }
  function update() {
    var checked = document.querySelector('input[name="status"]:checked');
    var status = checked ? checked.value : '';
    blocks.forEach(function (block) { block.hidden = block.getAttribute('data-shown-for-status') !== status; });
  }
  document.querySelectorAll('input[name="status"]').forEach(function (r) { r.addEventListener('change', update); });
  update();
});
