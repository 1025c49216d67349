export default function Page(): React.ReactNode {
  return <main><h1>product</h1></main>;
}
