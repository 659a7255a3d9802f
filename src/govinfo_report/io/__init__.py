"""The built-in formats (like ``pandas.io``).  Each is registered through this
package's entry points, exactly as a third party's would be; none imports another."""
