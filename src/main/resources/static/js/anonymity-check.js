// Progressive enhancement: while an answer marked "about the wider sector" names the organisation,
// say so beside it. Without script the server gives the same warning when the form is saved.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.querySelector('form[data-module="anonymity-check"]');
  if (!form) { return; }
  var name = form.getAttribute('data-organisation-name').trim().toLowerCase();
  form.querySelectorAll('textarea[name^="answer-"]').forEach(function (answer) {
    var question = answer.name.substring('answer-'.length);
    var warning = document.getElementById(answer.id + '-live-warning');
    if (!warning) { return; }
    function check() {
      var sector = form.querySelector('input[name="about-' + question + '"][value="sector"]');
      warning.hidden = !(sector && sector.checked && name && answer.value.toLowerCase().indexOf(name) >= 0);
    }
    answer.addEventListener('input', check);
    form.querySelectorAll('input[name="about-' + question + '"]').forEach(function (radio) {
      radio.addEventListener('change', check);
    });
    check();
  });
});
