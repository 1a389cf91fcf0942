// Your own rate table, set from script: the element waits (awaits-pack) and never shows our
// reference price first. A pack changes prices only; the law (minimum limits, bands) stays.
const el = document.getElementById('insurer-js');
const response = await fetch('embed/example-insurer-pack.json');
el.pack = await response.text();
