// The grade form: as a panel member chooses the strength of evidence and the potential harm, say what the grading
// matrix suggests (read from the matrix table on the page). Progressive enhancement: without JavaScript the table
// and the server's own suggestion after sending still show it.
const form = document.querySelector('[data-grade-form]');
const out = document.getElementById('matrix-suggestion');
if (form && out) {
  const update = () => {
    const strength = form.querySelector('input[name="strength"]:checked');
    const harm = form.querySelector('input[name="harm"]:checked');
    if (!strength || !harm) {
      return;
    }
    const cell = form.querySelector(`td[data-strength="${strength.value}"][data-harm="${harm.value}"]`);
    if (cell) {
      out.textContent = `${out.dataset.prefix} ${cell.textContent.trim()}`;
    }
  };
  form.addEventListener('change', update);
  update();
}
