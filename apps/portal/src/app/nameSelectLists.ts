/**
 * antd's Select draws its list of options (role="listbox", id "<field id>_list") without a
 * name, and neither antd nor rc-select has a prop for one; a screen reader then announces an
 * unnamed list (WCAG 4.1.2, axe's aria-input-field-name). Every such list, whenever it is
 * drawn, takes its field's name: the field's aria-labelledby or aria-label, else the text of
 * the field's <label> (Form.Item). One observer covers every Select, the online form's too.
 */
export function nameSelectLists(root: HTMLElement = document.body): () => void {
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof HTMLElement) nameListsIn(node);
      }
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  nameListsIn(root);
  return () => observer.disconnect();
}

const UNNAMED_LIST = '[role="listbox"][id$="_list"]:not([aria-label]):not([aria-labelledby])';

function nameListsIn(scope: HTMLElement): void {
  const lists = [...scope.querySelectorAll<HTMLElement>(UNNAMED_LIST)];
  if (scope.matches(UNNAMED_LIST)) lists.push(scope);
  for (const list of lists) nameList(list);
}

function nameList(list: HTMLElement): void {
  const field = document.getElementById(list.id.slice(0, -'_list'.length));
  if (!field) return;
  const labelledBy = field.getAttribute('aria-labelledby');
  if (labelledBy) {
    list.setAttribute('aria-labelledby', labelledBy);
    return;
  }
  const name =
    field.getAttribute('aria-label') ??
    [...document.querySelectorAll('label')].find((label) => label.htmlFor === field.id)
      ?.textContent;
  if (name?.trim()) list.setAttribute('aria-label', name.trim());
}
