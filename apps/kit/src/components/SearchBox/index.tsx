/** The header's search field with type-ahead suggestions (an ARIA combobox with a listbox). */
import { memo, startTransition, useCallback, useEffect, useId, useRef, useState } from 'react';
import { apiRequest } from '../../api/api-client';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import type { SuggestResult } from '../../../../../shared/api-types';
import { moveActive, searchHref, suggestionOptions, type SuggestionOption } from './suggestion-options';
import './search-box.css';

export interface SearchBoxProps {
  /** Goes to a URL: client-side inside the main app, a full navigation from other apps. */
  go(href: string): void;
  /** The query of the results page being shown, so the box shows what was searched. */
  currentQuery: string | null;
}

/** Search input; suggestions are fetched per typing pause and stale answers are cancelled. */
export function SearchBox({ go, currentQuery }: SearchBoxProps): React.ReactNode {
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [options, setOptions] = useState<SuggestionOption[]>([]);
  const query = useDebouncedValue(text.trim(), 150);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (currentQuery !== null) setText(currentQuery);
  }, [currentQuery]);

  // The shell's field takes letters before the scripts run (they start after the first paint):
  // take up what was typed there, and open the suggestions if the field still has the focus.
  useEffect(() => {
    const input = inputRef.current;
    if (!input || input.value === '' || currentQuery !== null) return;
    setText(input.value);
    setOpen(document.activeElement === input);
    // Once, at mount: later letters come through onChange.
  }, []);

  useEffect(() => {
    if (!query) {
      setOptions([]);
      return;
    }
    // Aborting the previous request means an old, slower answer can never replace a newer one.
    const controller = new AbortController();
    apiRequest<SuggestResult>(`catalog/suggest?q=${encodeURIComponent(query)}`, { signal: controller.signal }).then(
      (result) => {
        // A transition: the list (with its pictures) renders in slices that give way to the next
        // keystroke, so an answer arriving mid-word never delays the letter being typed.
        startTransition(() => {
          setOptions(suggestionOptions(result));
          setActive(-1);
        });
      },
      () => {
        // Suggestions are optional: on failure the shopper can still submit the search.
      },
    );
    return () => controller.abort();
  }, [query]);

  const expanded = open && options.length > 0 && text.trim().length > 0;

  const choose = (href: string): void => {
    setOpen(false);
    setActive(-1);
    inputRef.current?.blur();
    go(href);
  };

  // Stable for the memoized list: a keystroke re-renders the input, not the list of suggestions.
  const chooseRef = useRef(choose);
  chooseRef.current = choose;
  const onChoose = useCallback((href: string) => chooseRef.current(href), []);

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      setActive((current) => moveActive(current, options.length, event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    } else if (event.key === 'Enter' && expanded && active >= 0) {
      event.preventDefault();
      choose(options[active]!.href);
    }
  };

  const onSubmit = (event: React.FormEvent): void => {
    event.preventDefault();
    if (text.trim()) choose(searchHref(text));
  };

  return (
    <form className="search" role="search" action="/search" onSubmit={onSubmit}>
      <label htmlFor={`${id}-input`} className="sr-only">
        Search for products, brands and more
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        className="search-input"
        data-testid="search-input"
        type="search"
        name="q"
        autoComplete="off"
        placeholder="Search for products, brands and more"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${id}-opt-${active}` : undefined}
        value={text}
        maxLength={100}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="search-submit" aria-label="Search">
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path fill="currentColor" d="M15.5 14h-.8l-.3-.3A6.5 6.5 0 1 0 9.5 16a6.5 6.5 0 0 0 4.2-1.6l.3.3v.8l5 5 1.5-1.5zm-6 0a4.5 4.5 0 1 1 0-9 4.5 4.5 0 0 1 0 9z" />
        </svg>
      </button>
      <SuggestionList id={id} listId={listId} options={options} active={active} expanded={expanded} onChoose={onChoose} onActive={setActive} />
    </form>
  );
}

interface SuggestionListProps {
  id: string;
  listId: string;
  options: SuggestionOption[];
  active: number;
  expanded: boolean;
  onChoose(href: string): void;
  onActive(index: number): void;
}

/** The listbox; memoized, so typing a letter renders it only when what it shows changes. */
const SuggestionList = memo(function SuggestionList({ id, listId, options, active, expanded, onChoose, onActive }: SuggestionListProps): React.ReactNode {
  return (
    <ul id={listId} role="listbox" aria-label="Suggestions" className="search-list" hidden={!expanded}>
      {expanded &&
        options.map((option, index) => (
          <li
            key={`${option.kind}-${option.href}-${index}`}
            id={`${id}-opt-${index}`}
            role="option"
            aria-selected={index === active}
            className={`search-option search-${option.kind}`}
            data-testid="suggestion"
            // mousedown, not click: the input's blur would close the list before a click lands.
            onMouseDown={(event) => {
              event.preventDefault();
              onChoose(option.href);
            }}
            onMouseEnter={() => onActive(index)}
          >
            {option.imageUrl ? (
              <img src={option.imageUrl} alt="" width="32" height="32" />
            ) : (
              <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" className="search-option-icon">
                <path fill="currentColor" d="M15.5 14h-.8l-.3-.3A6.5 6.5 0 1 0 9.5 16a6.5 6.5 0 0 0 4.2-1.6l.3.3v.8l5 5 1.5-1.5zm-6 0a4.5 4.5 0 1 1 0-9 4.5 4.5 0 0 1 0 9z" />
              </svg>
            )}
            <span className="search-option-text">
              {option.text}
              {option.detail && <span className="search-option-detail"> {option.detail}</span>}
            </span>
            {option.price && <span className="search-option-price">{option.price}</span>}
          </li>
        ))}
    </ul>
  );
});
