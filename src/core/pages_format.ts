/** The format tag of ledger pages' index (ledger_pages.ts), apart so that the page can tell it without the rest. */
export const PAGES_FORMAT = 'erqi-axis-map/pages@1';
