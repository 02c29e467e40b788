// An import job's progress (templates/imports/progress.html, for every module): polls the job's status (the URL in
// data-status-url, e.g. GET /api/drug-checking/imports/{id}) and moves the progress bar. The status text is a polite live region, so it is rewritten only when the step changes or at most every ten
// seconds, not at every poll. When the job has finished, or waits for a person (a job checked first), the page is loaded again to show the result. Texts come from
// the page's data- attributes (the message bundle). Without JavaScript the page refreshes itself (a meta refresh in
// <noscript>), and the "Check progress again" link does the same.
const region = document.getElementById('import-status');
const bar = document.getElementById('import-progress');
const text = document.getElementById('import-progress-text');
const stored = document.getElementById('import-progress-stored');
if (region && bar && text) {
  const url = region.dataset.statusUrl;
  const patterns = {
    QUEUED: region.dataset.textQueued,
    VALIDATING: region.dataset.textValidating,
    IMPORTING: region.dataset.textImporting,
  };
  const number = (n) => Number(n).toLocaleString('en-GB');
  const format = (pattern, done, total) => pattern.replace('{0}', number(done)).replace('{1}', number(total));
  let lastStatus = null;
  let lastSpoken = 0;
  let failures = 0;

  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (!response.ok) {
        throw new Error(`status ${response.status}`);
      }
      const job = await response.json();
      failures = 0;
      if (job.finished || job.waiting) {
        bar.max = Math.max(job.totalRows, 1);
        bar.value = bar.max;
        text.textContent = region.dataset.textFinished;
        window.location.reload();
        return;
      }
      bar.max = Math.max(job.totalRows, 1);
      bar.value = job.rowsDone;
      bar.textContent = `${number(job.rowsDone)} / ${number(job.totalRows)}`;
      if (stored) {
        // Rows stored while the rest is still checked (an import that stores as it checks).
        stored.hidden = !(job.rowsStored > 0);
        if (job.rowsStored > 0) {
          stored.textContent = region.dataset.textStored.replace('{0}', number(job.rowsStored));
        }
      }
      const now = Date.now();
      if (job.status !== lastStatus || now - lastSpoken > 10000) {
        const pattern = patterns[job.status];
        if (pattern) {
          text.textContent = format(pattern, job.rowsDone, job.totalRows);
        }
        lastStatus = job.status;
        lastSpoken = now;
      }
    } catch (e) {
      failures += 1;
      if (failures === 3) {
        text.textContent = region.dataset.textLost;
      }
    }
    window.setTimeout(poll, failures > 0 ? 5000 : 2000);
  };
  window.setTimeout(poll, 500);
}
