// Progressive enhancement for every page: GOV.UK Frontend components (menus, error summaries, skip link).
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
