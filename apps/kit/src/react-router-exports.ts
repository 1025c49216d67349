/**
 * The React Router names the vendors bundle exposes to apps. Listing them (rather than the whole
 * package) keeps the data routers and server handlers no app uses out of the bundle; an app build
 * that uses a name missing here fails and names it.
 */
export {
  BrowserRouter,
  Link,
  Navigate,
  NavLink,
  Outlet,
  Route,
  Routes,
  createSearchParams,
  generatePath,
  matchPath,
  useHref,
  useInRouterContext,
  useLocation,
  useMatch,
  useNavigate,
  useNavigationType,
  useParams,
  useResolvedPath,
  useSearchParams,
} from 'react-router';
