// Shows how many characters a limited text area holds, as the candidate types. The server checks the limit.
for (const area of document.querySelectorAll('textarea[data-max-length]')) {
  const counter = document.getElementById(`${area.id}-counter`);
  const max = Number(area.dataset.maxLength);
  const update = () => {
    counter.textContent = `${area.value.length} / ${max} caractères`;
    counter.classList.toggle('fr-message--error', area.value.length > max);
  };
  area.addEventListener('input', update);
  update();
}
