// Employees and departments: the people and groups that calls are forwarded to.
import {h, field, input, select, table, replace, status, button} from '../dom.js';
import {t} from '../i18n.js';
import {all, post, del} from '../api.js';
import {showError, clearErrors, describe} from '../errors.js';

const STRATEGIES = ['ring_all', 'hunt_in_order', 'memory_hunt', 'round_robin', 'random', 'least_recent'];

export async function render(root, params, app) {
  const employees = h('section', {id: 'employees'});
  const departments = h('section', {id: 'departments'});
  root.append(h('h1', {}, t('staff.title')), employees, departments);
  const draw = async () => {
    const [people, groups] = await Promise.all([all('/v1/employees?limit=100'), all('/v1/departments?limit=100')]);
    const names = Object.fromEntries(people.map((e) => [e.id, e.name]));
    replace(employees, h('h2', {}, t('staff.employees')),
      people.length ? table([t('staff.name'), t('staff.extension'), t('staff.sip'), t('staff.email'), ''], people.map((e) =>
        h('tr', {}, h('td', {class: 'name'}, e.name), h('td', {}, e.extension), h('td', {}, e.sip_username),
          h('td', {}, e.email || ''), h('td', {}, removeButton(`/v1/employees/${e.id}`, draw)))))
        : h('p', {class: 'muted'}, t('staff.noEmployees')),
      employeeForm(draw));
    replace(departments, h('h2', {}, t('staff.departments')),
      groups.length ? table([t('staff.name'), t('staff.extension'), t('staff.strategy'), t('staff.members'), ''], groups.map((d) =>
        h('tr', {}, h('td', {class: 'name'}, d.name), h('td', {}, d.extension || ''), h('td', {}, t(`strategy.${d.strategy}`)),
          h('td', {}, (d.members || []).map((m) => names[m.employee_id] || m.employee_id).join(', ')),
          h('td', {}, removeButton(`/v1/departments/${d.id}`, draw)))))
        : h('p', {class: 'muted'}, t('staff.noDepartments')),
      departmentForm(people, draw));
  };
  await draw();
}

function removeButton(path, done) {
  const b = button(t('common.delete'), async () => {
    if (!window.confirm(t('common.confirmDelete'))) return;
    try {
      await del(path);
      await done();
    } catch (error) {
      b.after(h('span', {class: 'error'}, describe(error)));
    }
  });
  return b;
}

function submitting(form, progress, action) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    progress.textContent = t('common.working');
    try {
      await action();
      progress.textContent = '';
    } catch (error) {
      progress.textContent = '';
      showError(form, error);
    }
  });
}

function employeeForm(done) {
  const f = {
    name: input({name: 'name', required: true}),
    extension: input({name: 'extension', inputmode: 'numeric', required: true}),
    sip_username: input({name: 'sip_username', autocomplete: 'off', required: true}),
    sip_password: input({type: 'password', name: 'sip_password', autocomplete: 'new-password', required: true}),
    email: input({type: 'email', name: 'email'}),
    mobile: input({name: 'mobile', inputmode: 'tel'}),
  };
  const progress = status();
  const form = h('form', {class: 'card', id: 'employee-form', novalidate: true}, h('h3', {}, t('staff.addEmployee')),
    field(t('staff.name'), f.name, 'name'), field(t('staff.extension'), f.extension, 'extension'),
    field(t('staff.sip'), f.sip_username, 'sip_username'), field(t('staff.sipPassword'), f.sip_password, 'sip_password'),
    field(t('staff.email'), f.email, 'email'), field(t('staff.mobile'), f.mobile, 'mobile'),
    h('button', {type: 'submit', class: 'primary'}, t('common.add')), progress);
  submitting(form, progress, async () => {
    const body = Object.fromEntries(Object.entries(f).filter(([, el]) => el.value.trim()).map(([k, el]) => [k, el.value.trim()]));
    await post('/v1/employees', body);
    await done();
  });
  return form;
}

function departmentForm(people, done) {
  const name = input({name: 'name', required: true});
  const extension = input({name: 'extension', inputmode: 'numeric'});
  const strategy = select('strategy', STRATEGIES.map((s) => [s, t(`strategy.${s}`)]), 'ring_all');
  const boxes = people.map((e) => {
    const box = h('input', {type: 'checkbox', value: e.id, id: `member-${e.id}`});
    return h('div', {class: 'check'}, box, h('label', {for: box.id}, e.name));
  });
  const progress = status();
  const form = h('form', {class: 'card', id: 'department-form', novalidate: true}, h('h3', {}, t('staff.addDepartment')),
    field(t('staff.name'), name, 'name'), field(t('staff.extension'), extension, 'extension'),
    field(t('staff.strategy'), strategy, 'strategy'),
    h('fieldset', {class: 'checks', data: {field: 'members'}}, h('legend', {}, t('staff.members')), boxes, h('p', {class: 'error'})),
    h('button', {type: 'submit', class: 'primary'}, t('common.add')), progress);
  submitting(form, progress, async () => {
    const members = [...form.querySelectorAll('.checks input:checked')].map((box) => ({employee_id: box.value}));
    const body = {name: name.value.trim(), strategy: strategy.value, members};
    if (extension.value.trim()) body.extension = extension.value.trim();
    await post('/v1/departments', body);
    await done();
  });
  return form;
}
