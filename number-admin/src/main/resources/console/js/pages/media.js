// The media library: upload a WAV clip (with progress), play any clip in the browser, delete one.
import {h, field, input, table, status, replace, formatTime, button} from '../dom.js';
import {t} from '../i18n.js';
import {all, upload, del} from '../api.js';
import {showError, clearErrors, describe} from '../errors.js';

export async function render(root, params, app) {
  const list = h('div', {id: 'media-list'});
  const draw = async () => {
    const clips = await all('/v1/media?limit=100');
    replace(list, clips.length ? table([t('media.name'), t('media.duration'), t('media.created'), t('media.play'), ''],
      clips.map((clip) => h('tr', {data: {id: clip.id}}, h('td', {class: 'name'}, clip.name),
        h('td', {}, `${(clip.duration_ms / 1000).toFixed(1)} s`), h('td', {}, formatTime(clip.created_at)),
        h('td', {}, h('audio', {controls: true, preload: 'none', src: `/v1/media/${encodeURIComponent(clip.id)}/audio`,
          'aria-label': t('media.playClip', clip.name)})),
        h('td', {}, button(t('common.delete'), async (event) => {
          if (!window.confirm(t('common.confirmDelete'))) return;
          try {
            await del(`/v1/media/${encodeURIComponent(clip.id)}`);
            await draw();
          } catch (error) {
            event.target.after(h('span', {class: 'error'}, describe(error)));
          }
        })))), t('media.title'))
      : h('p', {class: 'muted'}, t('media.none')));
  };
  root.append(h('h1', {}, t('media.title')));
  root.append(uploadForm(draw));
  root.append(list);
  await draw();
}

function uploadForm(done) {
  const file = h('input', {type: 'file', name: 'file', accept: '.wav,audio/wav,audio/x-wav', required: true});
  const name = input({name: 'name', maxlength: 200});
  const bar = h('progress', {max: 100, value: 0, hidden: true, 'aria-label': t('media.uploading')});
  const preview = h('audio', {controls: true, hidden: true, class: 'preview'});
  const progress = status();
  file.addEventListener('change', () => {
    const chosen = file.files[0];
    if (!chosen) return;
    if (!name.value) name.value = chosen.name.replace(/\.wav$/i, '');
    // hear the file before sending it
    if (preview.src) URL.revokeObjectURL(preview.src);
    preview.src = URL.createObjectURL(chosen);
    preview.hidden = false;
  });
  const form = h('form', {class: 'card', id: 'upload-form', novalidate: true}, h('h2', {}, t('media.upload')),
    field(t('media.file'), file, 'file', t('media.fileHint')), preview, field(t('media.name'), name, 'name'),
    h('button', {type: 'submit', class: 'primary'}, t('media.send')), bar, progress);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    if (!file.files[0]) {
      showError(form, {problem: {field: 'file', detail: t('media.chooseFile')}});
      return;
    }
    const body = new FormData();
    body.append('file', file.files[0]);
    if (name.value.trim()) body.append('name', name.value.trim());
    bar.hidden = false;
    bar.value = 0;
    progress.textContent = t('media.uploading');
    try {
      await upload('/v1/media', body, (share) => { bar.value = Math.round(share * 100); });
      progress.textContent = t('media.uploaded');
      form.reset();
      preview.hidden = true;
      await done();
    } catch (error) {
      progress.textContent = '';
      showError(form, error);
    } finally {
      bar.hidden = true;
    }
  });
  return form;
}
