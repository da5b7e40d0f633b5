// Listens to both maps and drives the second one: the element's events and methods (EMBEDDING.md).
for (const id of ['a', 'b']) {
  document.getElementById(id).addEventListener('project-select', (e) => {
    document.getElementById(`chosen-${id}`).textContent = e.detail.id ? `${e.detail.name_en} (${e.detail.id})` : '—';
  });
}
document.getElementById('show').addEventListener('click', () => document.getElementById('b').selectProject('crec-taihe'));
