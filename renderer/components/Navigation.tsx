import { hrefOf, useNavigationStore, views } from '../stores/navigation';

export function Navigation() {
  const current = useNavigationStore((state) => state.view);
  return (
    <nav className="app-nav" aria-label="Main">
      <ul>
        {views.map((view) => (
          <li key={view.id}>
            <a href={hrefOf(view.id)} aria-current={view.id === current ? 'page' : undefined}>
              {view.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
