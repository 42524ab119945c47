// Progressive enhancement of a running import's page: without script it reloads itself every two
// seconds (a refresh inside <noscript>); with script it asks the API for the counts every second
// and updates the bar and the announced counts in place, reloading once to show how it ended.
document.addEventListener('DOMContentLoaded', function () {
  var block = document.querySelector('[data-import-job]');
  if (!block) { return; }
  var id = block.getAttribute('data-import-job');
  var bar = block.querySelector('progress');
  var counts = document.getElementById('import-counts');
  var format = new Intl.NumberFormat('en-GB');
  function poll() {
    fetch('/api/imports/' + encodeURIComponent(id), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (job) {
        if (job.status !== 'running') { window.location.reload(); return; }
        bar.max = job.totalRows;
        bar.value = job.rowsStored;
        bar.textContent = Math.floor(100 * job.rowsStored / Math.max(1, job.totalRows)) + '%';
        counts.textContent = counts.getAttribute('data-template')
          .replace('{checked}', format.format(job.rowsChecked))
          .replace('{stored}', format.format(job.rowsStored))
          .replace('{total}', format.format(job.totalRows));
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
});
