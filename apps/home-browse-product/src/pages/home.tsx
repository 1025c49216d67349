export default function Page(): React.ReactNode {
  return <main><h1>home</h1></main>;
}
