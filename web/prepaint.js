// Runs before the first paint (a classic script in <head>): the prerendered page shows the default
// quote, which is right only when the address carries no state and no inputs are remembered. Otherwise
// the static frame is hidden until the widget computes the real figures (issue 15).
try {
  if (location.hash.length > 1 || localStorage.getItem('baofei.form')) {
    document.documentElement.classList.add('bf-pending');
  }
} catch (e) {
  document.documentElement.classList.add('bf-pending');
}
