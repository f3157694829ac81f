/* ShopGraph embed loader (docs/embed.md). Sellers' snippets name this file, which stays small and is cached
   briefly; it imports the current release of the widget, whose name carries a hash of its content, so a new
   release never needs a new snippet and a page never mixes two releases. */
(function () {
  if (window.__shopgraphEmbed) return;
  var script = document.currentScript || document.querySelector('script[src*="/embed/v1/shopgraph.js"]');
  if (!script) return;
  window.__shopgraphEmbed = true;
  import(new URL('__BUNDLE__', script.src).href)
    .then(function (widget) { return widget.boot(script); })
    .catch(function (e) { console.error('ShopGraph: the embed could not start', e); });
})();
