// The right-hand panels of an open budget (审核, 批注, 版本, 留痕, 成员): one at a time, chosen on
// the vertical rail at the window's edge. One shared width, so switching panels never moves the
// tables; only opening or closing the column does.

export class SidePanel {
  /** rail: #rail (buttons with data-pane); panes: {name: element}; onShow(name) / onHide(name) hooks */
  constructor(rail, panes, hooks = {}) {
    this.rail = rail;
    this.panes = panes;
    this.hooks = hooks;
    this.current = null;
    rail.addEventListener('click', (e) => {
      const b = e.target.closest('button[data-pane]');
      if (b) this.toggle(b.dataset.pane, true);
    });
    // Arrow keys move along the rail, as in any tab strip.
    rail.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      const buttons = [...rail.querySelectorAll('button[data-pane]:not([hidden])')];
      const i = buttons.indexOf(document.activeElement);
      if (i < 0) return;
      e.preventDefault();
      buttons[(i + (e.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length].focus();
    });
    for (const pane of Object.values(panes)) {
      const close = pane.querySelector('.pane-close');
      if (close) close.addEventListener('click', () => this.hide(true));
      // Escape leaves a panel for the rail, unless it is taken back from a half-written text.
      pane.addEventListener('keydown', (e) => {
        if (e.key !== 'Escape' || e.isComposing || e.defaultPrevented) return;
        const t = e.target;
        if ((t.tagName === 'TEXTAREA' || t.tagName === 'INPUT') && t.value) return;
        e.preventDefault();
        this.hide(true);
      });
    }
  }

  isOpen(name) {
    return this.current === name;
  }

  /** focus: move the keyboard into the pane (a click on the rail; not an automatic opening). */
  show(name, focus = false) {
    if (!this.panes[name]) return;
    const before = this.current;
    this.current = name;
    for (const [key, el] of Object.entries(this.panes)) el.hidden = key !== name;
    this.sync();
    if (before && before !== name && this.hooks.onHide) this.hooks.onHide(before);
    if (this.hooks.onShow) this.hooks.onShow(name);
    if (focus) {
      const target = this.panes[name].querySelector('[autofocus], h2');
      if (target) {
        if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
        target.focus({ preventScroll: true });
      }
    }
  }

  hide(returnFocus = false) {
    const before = this.current;
    if (!before) return;
    this.current = null;
    for (const el of Object.values(this.panes)) el.hidden = true;
    this.sync();
    if (this.hooks.onHide) this.hooks.onHide(before);
    if (returnFocus) {
      const b = this.rail.querySelector(`button[data-pane="${before}"]`);
      if (b) b.focus();
    }
  }

  toggle(name, focus = false) {
    if (this.current === name) this.hide(focus);
    else this.show(name, focus);
  }

  sync() {
    for (const b of this.rail.querySelectorAll('button[data-pane]')) {
      b.setAttribute('aria-pressed', String(b.dataset.pane === this.current));
    }
  }

  /** The small count on a rail button ("批注 3"); 0 hides it. */
  setCount(name, n, title = '') {
    const b = this.rail.querySelector(`button[data-pane="${name}"] .rail-n`);
    if (!b) return;
    b.textContent = n ? String(n) : '';
    b.hidden = !n;
    b.parentElement.title = title;
  }

  /** Rail buttons the user's role has no use for (成员 for non-admins stays: the list is readable). */
  setAvailable(name, on) {
    const b = this.rail.querySelector(`button[data-pane="${name}"]`);
    if (b) b.hidden = !on;
    if (!on && this.current === name) this.hide();
  }
}
