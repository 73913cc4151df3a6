// A menu button (WAI-ARIA menu pattern) for the examples. A <select> that loads on `change`
// loaded the first example as soon as ArrowDown moved through it; here, the arrows only move
// the focus and an example loads when it is chosen (Enter, Space or a click).

export function createMenu(button, items, onChoose) {
  const menu = document.createElement('ul');
  menu.className = 'menu-list';
  menu.setAttribute('role', 'menu');
  menu.id = `${button.id}-menu`;
  menu.hidden = true;
  menu.setAttribute('aria-labelledby', button.id);
  button.setAttribute('aria-haspopup', 'menu');
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', menu.id);
  const entries = items.map((item) => {
    const li = document.createElement('li');
    li.setAttribute('role', 'none');
    const entry = document.createElement('button');
    entry.type = 'button';
    entry.setAttribute('role', 'menuitem');
    entry.tabIndex = -1;
    entry.dataset.id = item.id;
    entry.textContent = item.label;
    entry.addEventListener('click', () => { close(true); onChoose(item); });
    li.append(entry);
    menu.append(li);
    return entry;
  });
  button.after(menu);

  const isOpen = () => !menu.hidden;
  function open(focusIndex) {
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    entries[(focusIndex + entries.length) % entries.length]?.focus();
  }
  function close(refocus) {
    if (!isOpen()) return;
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (refocus) button.focus();
  }

  button.addEventListener('click', () => (isOpen() ? close(false) : open(0)));
  button.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') { event.preventDefault(); open(0); }
    if (event.key === 'ArrowUp') { event.preventDefault(); open(-1); }
  });
  menu.addEventListener('keydown', (event) => {
    const at = entries.indexOf(document.activeElement);
    const move = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: -1 }[event.key];
    if (move !== undefined) {
      event.preventDefault();
      entries[(move + entries.length) % entries.length].focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  });
  document.addEventListener('pointerdown', (event) => {
    if (isOpen() && !menu.contains(event.target) && event.target !== button) close(false);
  });
  menu.addEventListener('focusout', (event) => {
    if (isOpen() && !menu.contains(event.relatedTarget) && event.relatedTarget !== button && event.relatedTarget) close(false);
  });
}
