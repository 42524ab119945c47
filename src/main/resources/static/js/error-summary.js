// Progressive enhancement, as the GOV.UK error summary does. On load, focus moves to the summary so
// screen readers announce the problems. A link in it then focuses its field with the field's label or
// legend in view: the browser alone would scroll the field to the very top, its label and message
// out of sight. Without script the links still jump to the fields.
(function () {
  // The legend says what a radio or tick box is for; for another field in a fieldset, it is shown
  // only when near enough to keep the field in the top half of the screen.
  function legendOrLabel(field) {
    var fieldset = field.closest('fieldset');
    var legend = fieldset && fieldset.querySelector('legend');
    if (legend) {
      if (field.type === 'radio' || field.type === 'checkbox') { return legend; }
      var fieldRect = field.getBoundingClientRect();
      if (fieldRect.bottom - legend.getBoundingClientRect().top < window.innerHeight / 2) { return legend; }
    }
    return document.querySelector('label[for="' + field.id + '"]') || field.closest('label');
  }

  function focusField(id) {
    var field = document.getElementById(id);
    var caption = field && legendOrLabel(field);
    if (!caption) { return false; }
    // Scroll first: focus would scroll again, only as far as the field.
    caption.scrollIntoView();
    field.focus({ preventScroll: true });
    return true;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var summary = document.querySelector('.error-summary');
    if (summary) { summary.focus(); }
    document.querySelectorAll('.error-summary, .warning-summary').forEach(function (list) {
      list.addEventListener('click', function (event) {
        var link = event.target.closest('a[href^="#"]');
        if (link && focusField(decodeURIComponent(link.getAttribute('href').substring(1)))) {
          event.preventDefault();
        }
      });
    });
  });
}());
