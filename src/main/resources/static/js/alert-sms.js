// The alert form's text-message counter: how many characters are left in one text
// message (GSM-7: 160, an extension character counting two; any other character makes it
// UCS-2: 70) with the exercise marker and the link the message will carry, and a preview.
// The server checks the same (AlertTexts); this only helps while typing.
const group = document.getElementById('short-text-group');
const field = document.getElementById('shortText');
const count = document.getElementById('shortText-count');
const preview = document.getElementById('shortText-preview');

const BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?'
	+ '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const EXTENSION = '^{}\\[~]|€\f';

function gsm(text) {
	return [...text].every(c => BASIC.includes(c) || EXTENSION.includes(c));
}

function length(text) {
	return gsm(text) ? [...text].reduce((n, c) => n + (EXTENSION.includes(c) ? 2 : 1), 0) : text.length;
}

function exercise() {
	const box = document.getElementById('exercise');
	return box ? box.checked : group.dataset.exercise === 'true';
}

function forPublic() {
	const box = document.querySelector('input[name="audiences"][value="PUBLIC"]');
	return box !== null && box.checked && !exercise();
}

function update() {
	const text = field.value.trim().replace(/\s+/g, ' ');
	const link = ' More: ' + (forPublic() ? group.dataset.linkPublic : group.dataset.linkProfessional);
	const message = (exercise() ? group.dataset.exercisePrefix : '') + text + link;
	const plain = gsm(message);
	const left = (plain ? 160 : 70) - length(message);
	const template = left < 0 ? (plain ? count.dataset.over : count.dataset.overUcs) : plain ? count.dataset.gsm : count.dataset.ucs;
	count.textContent = template.replace('{0}', String(Math.abs(left)));
	count.classList.toggle('govuk-error-message', left < 0);
	preview.textContent = text ? preview.dataset.label + ' ' + message : '';
}

if (group && field && count && preview) {
	field.addEventListener('input', update);
	document.querySelectorAll('input[name="audiences"], #exercise').forEach(i => i.addEventListener('change', update));
	update();
}
