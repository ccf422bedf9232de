// The detail page editor's toolbar: a button puts its tag round what is selected (or a product's
// picture, <img src="image:img-3">) at the caret of the textarea it controls, and tells the
// preview that the text changed. One listener for the document, so buttons swapped in by htmx work too.
(function () {
  if (window.storeopsListingToolbar) {
    return;
  }
  window.storeopsListingToolbar = true;
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-insert]');
    if (!button) {
      return;
    }
    var editor = document.getElementById(button.getAttribute('aria-controls'));
    if (!editor) {
      return;
    }
    var start = editor.selectionStart;
    var end = editor.selectionEnd;
    var selected = editor.value.substring(start, end);
    var text = button.getAttribute('data-insert') + selected + (button.getAttribute('data-wrap-end') || '');
    editor.setRangeText(text, start, end, 'end');
    editor.focus();
    editor.dispatchEvent(new Event('input', { bubbles: true }));
  });
})();
