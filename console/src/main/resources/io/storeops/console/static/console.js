// The cut-off countdown ticks down each half minute; the page shows the same figure without script.
// Once the cut-off has passed while the page was open, the page reloads to show the batch it made.
(function () {
  function tick() {
    document.querySelectorAll('[data-until]').forEach(function (clock) {
      var left = Math.max(0, Date.parse(clock.getAttribute('data-until')) - Date.now());
      if (left === 0 && performance.now() > 60000) {
        location.reload();
        return;
      }
      var minutes = Math.floor(left / 60000);
      var template = clock.getAttribute('data-template') || '{h} h {m} min';
      clock.textContent = template.replace('{h}', Math.floor(minutes / 60)).replace('{m}', minutes % 60);
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    tick();
    setInterval(tick, 30000);
  });
})();
