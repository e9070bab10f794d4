"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("swagger-ui");
  if (!box || !window.SwaggerUIBundle) return;
  window.SwaggerUIBundle({ url: box.dataset.url, domNode: box, deepLinking: false });
});
