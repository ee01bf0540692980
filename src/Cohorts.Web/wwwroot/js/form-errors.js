// After a refused form, the error summary takes the focus, so that a screen reader reads it first and a
// keyboard user starts from it; each of its links leads to a faulty field.
const summary = document.getElementById('erreurs');
if (summary) summary.focus();
