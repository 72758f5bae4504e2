// Fast questionnaire entry (SPEC S-2): focus moves in the browser at once, so a clerk typing ahead
// never lands a digit on the previous item while the server is still storing it. The server stores
// each digit for the item the key was typed on (Blazor's own keydown handler on each box).
const after = form => form.querySelector('[data-survey-after-scores] input, [data-survey-after-scores] textarea');
const customer = form => form.querySelector('[data-survey-customer] input');

export function attach(form) {
    if (!form || form.dataset.surveyAttached) return;
    form.dataset.surveyAttached = '1';
    form.addEventListener('keydown', e => {
        const box = e.target.closest && e.target.closest('[data-score-index]');
        if (!box || e.ctrlKey || e.altKey || e.metaKey) return;
        const boxes = [...form.querySelectorAll('[data-score-index]')];
        const i = boxes.indexOf(box);
        const next = () => (boxes[i + 1] ?? after(form))?.focus();
        const back = () => (i > 0 ? boxes[i - 1] : customer(form))?.focus();
        if (/^[0-5]$/.test(e.key) || e.key === ' ' || e.key === 'ArrowDown' || e.key === 'ArrowRight') { e.preventDefault(); next(); }
        else if (e.key === 'Backspace' || e.key === 'ArrowUp' || e.key === 'ArrowLeft') { e.preventDefault(); back(); }
    });
}

export function focusFirstScore(form) {
    form?.querySelector('[data-score-index]')?.focus();
}
